// SPDX-License-Identifier: Apache-2.0
/**
 * The incident review export: the lineage picture of an incident (SVG, PNG) and the triage report (Markdown, HTML),
 * shared by the {@code report} command. No JavaFX: it runs headless on a server.
 */
@NullMarked
package dev.dbtrescue.app.report;

import org.jspecify.annotations.NullMarked;
