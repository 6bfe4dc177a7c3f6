package com.acme.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReminderTest {

  @Test
  void beforeTheDueDateItIsANotice() {
    assertEquals("Dear Ada, $120.00 falls due soon.", Reminder.text("Ada", 12_000, 0));
    assertEquals("Dear Ada, $120.00 falls due soon.", Reminder.text("Ada", 12_000, -3));
  }

  @Test
  void withinTheGracePeriodThereIsNoFee() {
    assertEquals("Dear Ada, $120.00 is 1 day(s) overdue.", Reminder.text("Ada", 12_000, 1));
    assertEquals("Dear Ada, $120.00 is 14 day(s) overdue.", Reminder.text("Ada", 12_000, 14));
  }

  @Test
  void afterTheGracePeriodTwoPercentIsAdded() {
    assertEquals(
        "Dear Ada, $120.00 is 15 day(s) overdue. A late fee of $2.40 now applies.",
        Reminder.text("Ada", 12_000, 15));
    assertEquals(
        "Dear Bob, $10.00 is 40 day(s) overdue. A late fee of $0.20 now applies.",
        Reminder.text("Bob", 1_000, 40));
  }

  @Test
  void aFeeBelowOneCentIsWaived() {
    assertEquals("Dear Bob, $0.49 is 30 day(s) overdue.", Reminder.text("Bob", 49, 30));
  }
}
