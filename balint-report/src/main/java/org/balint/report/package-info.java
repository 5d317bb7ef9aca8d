/**
 * The HTML report: {@link org.balint.report.HtmlReport} writes one self-contained page of charts
 * and tables about groups' sessions, for facilitators and researchers.
 *
 * <p>The report is a module of its own ({@code balint-report}) rather than part of the command
 * line, so that a training platform that wants the same page for its users takes it by one
 * dependency, and a platform that does not is spared its libraries: JFreeChart and JFreeSVG draw
 * the charts as inline SVG, and Mustache (escaping on by default) fills the template. Its metrics
 * come from {@code org.balint.analysis}; this package only lays them out. Everything here is
 * non-null unless marked otherwise.
 */
@NullMarked
package org.balint.report;

import org.jspecify.annotations.NullMarked;
