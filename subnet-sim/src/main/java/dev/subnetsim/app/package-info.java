/**
 * Module subnet-sim, the application: the command line ({@code cli}) and the jobs it runs
 * ({@code run}, {@code fuzz}, {@code sweep}). It depends on every other module; its tests hold
 * the architecture rules over all of them. Its place among the modules: the repository's
 * README.md ("Modules") and docs/ARCHITECTURE.md.
 */
package dev.subnetsim.app;
