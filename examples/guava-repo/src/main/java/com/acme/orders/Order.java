package com.acme.orders;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Preconditions;

/** An order line: a product and a quantity. */
public final class Order {

  private final String product;
  private final int quantity;
  private final String note;

  public Order(String product, int quantity, String note) {
    this.product = checkNotNull(product);
    this.quantity = quantity;
    this.note = Preconditions.checkNotNull(note, "note");
  }

  /** A copy with another product, whose name must not be missing. */
  public Order withProduct(String newProduct) {
    return new Order(checkNotNull(newProduct, "product of order %s", this), quantity, note);
  }

  public String product() {
    return product;
  }

  public int quantity() {
    return quantity;
  }

  @Override
  public String toString() {
    return quantity + " x " + product;
  }
}
