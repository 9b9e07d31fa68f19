package dev.subnetsim.replica.components;

import java.util.List;

/** A withholding node: follows the protocol locally but sends none of it. */
public final class Withholding implements ChangeSetDecorator {
  @Override
  public ChangeSet apply(ChangeSet honest) {
    return honest.messages().isEmpty() ? honest : honest.withMessages(List.of());
  }
}
