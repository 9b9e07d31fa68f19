/**
 * The artifacts log (docs/FORMATS.md, "Artifacts log"): one record per combined chain-key artifact
 * kind, the sealed family {@link dev.subnetsim.chainkey.artifacts.ChainKeyArtifact}, and {@link
 * dev.subnetsim.chainkey.artifacts.ArtifactJson}, which maps an artifact to its JSON line and back.
 * This is the format outside checkers (the Node harness, users' own scripts) re-verify a run from,
 * so field names, field order and hex conventions follow docs/FORMATS.md exactly. No I/O here: the
 * caller writes the lines.
 */
package dev.subnetsim.chainkey.artifacts;
