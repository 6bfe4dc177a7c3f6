package com.acme.mail;

import com.acme.util.MoneyUtils;

/** Payment reminders; past the grace period a 2% late fee is added. */
public final class Reminder {

  static final int GRACE_DAYS = 14;

  private Reminder() {}

  public static String text(String customer, long dueCents, int daysOverdue) {
    if (daysOverdue <= 0) {
      return "Dear " + customer + ", " + MoneyUtils.format(dueCents) + " falls due soon.";
    }
    long feeCents = daysOverdue > GRACE_DAYS ? dueCents / 50 : 0;
    String text =
        "Dear "
            + customer
            + ", "
            + MoneyUtils.format(dueCents)
            + " is "
            + daysOverdue
            + " day(s) overdue.";
    return feeCents == 0
        ? text
        : text + " A late fee of " + MoneyUtils.format(feeCents) + " now applies.";
  }
}
