/** Module scenarios: see README.md for its role and the direction of dependencies. */
package dev.subnetsim.scenarios;
