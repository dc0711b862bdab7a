package org.paternoster.replica.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.paternoster.http.BadRequest;
import org.paternoster.view.View;

/** The replica's answers as the client reads them: a receipt strictly, a redirect leniently. */
class AnswersTest {
  @Test
  void aReceiptReadsBackAsWrittenAndAMalformedOneIsRefused() {
    CommitReceipt r = new CommitReceipt("e1-7", 4, 40, 38, false, true);
    assertThat(CommitReceipt.fromJson(new JsonObject(r.toJson().encode()))).isEqualTo(r);
    assertThat(r.toJson().getString("status")).isEqualTo("committed");
    assertThatThrownBy(() -> CommitReceipt.fromJson(r.toJson().put("seq", "40"))).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> CommitReceipt.fromJson(r.toJson().putNull("id"))).isInstanceOf(BadRequest.class);
  }

  @Test
  void aRedirectNamesTheViewAndItsPrimaryAndReadsUnknownsLeniently() {
    NotPrimaryAnswer a = NotPrimaryAnswer.of(new View(5, "r2", "r3", "http://r2", "http://r3"));
    assertThat(NotPrimaryAnswer.fromJson(a.toJson())).isEqualTo(new NotPrimaryAnswer(5, "r2", "http://r2"));
    assertThat(a.toJson().getString("type")).isEqualTo(NotPrimaryAnswer.TYPE);
    assertThat(NotPrimaryAnswer.fromJson(new JsonObject().put("viewnum", "x"))).isEqualTo(new NotPrimaryAnswer(-1, null, null));
  }
}
