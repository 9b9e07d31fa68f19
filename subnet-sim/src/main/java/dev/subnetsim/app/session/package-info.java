/**
 * The session API: a live simulated world driven from Java ({@link
 * dev.subnetsim.app.session.SimSession}) or served over HTTP by the gateway, which uses these
 * classes ({@link dev.subnetsim.app.session.LiveSession}, {@link
 * dev.subnetsim.app.session.LiveWorldView}). Nothing here knows HTTP or Micronaut; {@code junit}
 * holds the JUnit 5 extension that hands a test a {@code SimSession}.
 */
package dev.subnetsim.app.session;
