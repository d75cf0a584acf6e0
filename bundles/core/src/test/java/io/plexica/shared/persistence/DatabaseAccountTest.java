package io.plexica.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseAccountTest {
  @Test
  void aSuperuserIsRefusedOutsideDevModeOnly() {
    assertThat(DatabaseAccount.problem("plexica", true, true, false))
        .hasValueSatisfying(why -> assertThat(why).contains("'plexica' is a superuser"));
    assertThat(DatabaseAccount.problem("plexica", true, false, true)).isEmpty();
  }

  @Test
  void aUserThatCannotCreateRolesIsRefusedEverywhere() {
    assertThat(DatabaseAccount.problem("app", false, false, true))
        .hasValueSatisfying(why -> assertThat(why).contains("ALTER ROLE app CREATEROLE"));
    assertThat(DatabaseAccount.problem("app", false, false, false)).isPresent();
  }

  @Test
  void aUserWithCreateRoleAndNoSuperuserRuns() {
    assertThat(DatabaseAccount.problem("app", false, true, false)).isEmpty();
  }
}
