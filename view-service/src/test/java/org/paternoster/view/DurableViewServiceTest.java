package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Invariant 4: a view is saved before anyone can see it; an unsaved view is withheld. */
class DurableViewServiceTest {
  final List<SavedState> saves = new ArrayList<>();
  boolean failing;

  final ViewStore store = new ViewStore() {
    @Override
    public Optional<SavedState> load() {
      return Optional.empty();
    }

    @Override
    public void save(SavedState state) throws IOException {
      if (failing) throw new IOException("disk full");
      saves.add(state);
    }

    @Override
    public String describe() {
      return "test store";
    }
  };

  final DurableViewService service = new DurableViewService(new ViewService(PingTiming.DEFAULT), store);
  /** Past the fresh service's listening time (one dead time), so the first ping appoints. */
  static final long T = PingTiming.DEFAULT.deadAfterMs();

  @Test
  void everyNewViewAndAckIsSavedBeforeTheReply() {
    ViewState reply = service.ping("a", 0, null, T);
    assertThat(saves).extracting(SavedState::state).containsExactly(reply);
    service.ping("a", 1, null, T + 1);
    assertThat(saves).extracting(s -> s.state().acked()).containsExactly(false, true);
    service.ping("a", 1, null, T + 2);
    assertThat(saves).as("no change, no write").hasSize(2);
  }

  @Test
  void anUnsavedViewIsWithheldUntilTheStoreWorksAgain() {
    service.ping("a", 0, null, T);
    service.ping("a", 1, null, T + 1);
    failing = true;
    assertThatThrownBy(() -> service.ping("b", 0, null, T + 2)).isInstanceOf(StoreUnavailable.class);
    assertThatThrownBy(service::state).isInstanceOf(StoreUnavailable.class);
    assertThatThrownBy(service::history).isInstanceOf(StoreUnavailable.class);
    assertThatThrownBy(() -> service.servers(T + 3)).isInstanceOf(StoreUnavailable.class);
    service.tick(T + 4);
    failing = false;
    assertThat(service.state().view().viewnum()).isEqualTo(2);
    assertThat(saves.get(saves.size() - 1).state().view().backup()).isEqualTo("b");
  }
}
