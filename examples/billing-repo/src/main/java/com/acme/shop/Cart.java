package com.acme.shop;

import com.acme.util.MoneyUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shopping cart: items by SKU, with shipping free from a minimum order. */
public class Cart {

  static final long FREE_SHIPPING_FROM_CENTS = 5_000;
  static final long SHIPPING_CENTS = 499;

  private final Map<String, Long> items = new LinkedHashMap<>();

  public void add(String sku, long priceCents) {
    items.merge(sku, priceCents, Long::sum);
  }

  public long subtotalCents() {
    long subtotal = 0;
    for (long price : items.values()) {
      subtotal += price;
    }
    return subtotal;
  }

  public long shippingCents() {
    long subtotal = subtotalCents();
    return subtotal == 0 || subtotal >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
  }

  public String summary() {
    long shipping = shippingCents();
    return items.size()
        + " item(s), subtotal "
        + MoneyUtils.format(subtotalCents())
        + ", shipping "
        + (shipping == 0 ? "free" : MoneyUtils.format(shipping))
        + ", total "
        + MoneyUtils.format(subtotalCents() + shipping);
  }
}
