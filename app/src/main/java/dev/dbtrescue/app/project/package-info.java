// SPDX-License-Identifier: Apache-2.0
/** Opening a project: local folders, artifact files or an SSH host; state folders; recent projects. */
@NullMarked
package dev.dbtrescue.app.project;

import org.jspecify.annotations.NullMarked;
