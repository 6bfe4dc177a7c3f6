package dev.atomic.workers;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** ATOMIC_GIT_USERNAME and ATOMIC_GIT_TOKEN are what a worker answers a private https remote. */
class GitCredentialsTest {

  private static String[] answer(CredentialsProvider provider) throws Exception {
    CredentialItem.Username user = new CredentialItem.Username();
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(provider.get(new URIish("https://git.example/acme/app.git"), user, password))
        .isTrue();
    return new String[] {user.getValue(), new String(password.getValue())};
  }

  @Test
  void theTokenIsThePasswordAndTheUserDefaultsToXAccessToken() throws Exception {
    assertThat(answer(WorkerConfiguration.gitCredentials("", "tok-1")))
        .containsExactly("x-access-token", "tok-1");
    assertThat(answer(WorkerConfiguration.gitCredentials("ci-bot", "tok-2")))
        .containsExactly("ci-bot", "tok-2");
    assertThat(WorkerConfiguration.gitCredentials("ci-bot", "")).isNull();
  }
}
