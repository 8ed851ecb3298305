// SPDX-License-Identifier: Apache-2.0
/** Runs dbt on a remote host over SSH (JSch): OpenSSH config and keys, verified host keys, the remote process group tied to the channel, artifacts fetched back over SFTP. */
@NullMarked
package dev.dbtrescue.runner.ssh;

import org.jspecify.annotations.NullMarked;
