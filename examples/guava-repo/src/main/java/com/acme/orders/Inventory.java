package com.acme.orders;

import java.util.HashMap;
import java.util.Map;

/** Stock per product. Its own checkNotNull is not Guava's and stays as it is. */
public final class Inventory {

  private final Map<String, Integer> stock = new HashMap<>();

  public void receive(String product, int quantity) {
    stock.merge(checkNotNull(product), quantity, Integer::sum);
  }

  public boolean canShip(Order order) {
    return stock.getOrDefault(order.product(), 0) >= order.quantity();
  }

  static <T> T checkNotNull(T value) {
    if (value == null) {
      throw new IllegalArgumentException("missing value");
    }
    return value;
  }
}
