package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartTest {

  @Test
  void aSmallOrderPaysShipping() {
    Cart cart = new Cart();
    cart.add("mug", 1250);
    cart.add("tea", 799);
    cart.add("mug", 1250);

    assertEquals(3299, cart.subtotalCents());
    assertEquals(499, cart.shippingCents());
    assertEquals("2 item(s), subtotal $32.99, shipping $4.99, total $37.98", cart.summary());
  }

  @Test
  void shippingIsFreeFromFiftyDollars() {
    Cart justBelow = new Cart();
    justBelow.add("kettle", 4999);
    assertEquals(499, justBelow.shippingCents());
    assertEquals("1 item(s), subtotal $49.99, shipping $4.99, total $54.98", justBelow.summary());

    Cart atTheLimit = new Cart();
    atTheLimit.add("kettle", 5000);
    assertEquals(0, atTheLimit.shippingCents());
    assertEquals("1 item(s), subtotal $50.00, shipping free, total $50.00", atTheLimit.summary());
  }

  @Test
  void anEmptyCartShipsNothing() {
    Cart cart = new Cart();

    assertEquals(0, cart.subtotalCents());
    assertEquals(0, cart.shippingCents());
    assertEquals("0 item(s), subtotal $0.00, shipping free, total $0.00", cart.summary());
  }
}
