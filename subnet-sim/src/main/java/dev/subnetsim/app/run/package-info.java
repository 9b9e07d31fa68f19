/**
 * The jobs behind {@code subnet-sim run}: a scenario run that writes the output folder
 * (docs/FORMATS.md, "Run output folder"), the pipeline demo, a progress bar over simulated time,
 * and the one wall-clock timer (for wall-time figures only).
 */
package dev.subnetsim.app.run;
