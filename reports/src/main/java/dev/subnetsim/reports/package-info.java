/**
 * Module reports: a finished run's result model rendered as HTML, JSON, CSV and JUnit XML. Depends
 * only on the scenarios module's result model; no Pekko. Its place among the modules: the
 * repository's README.md ("Modules"); the output files: docs/FORMATS.md ("Run output folder").
 */
package dev.subnetsim.reports;
