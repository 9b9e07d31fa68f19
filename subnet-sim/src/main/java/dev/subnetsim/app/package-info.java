/** The subnet-sim application: command line, gateway, run loop wiring. */
package dev.subnetsim.app;
