package io.plexica.vendors.api;

import io.plexica.vendors.domain.Vendor;
import jakarta.enterprise.context.RequestScoped;

/** The vendor a {@code @VendorOnly} request acts for, set by {@link VendorFilter}. */
@RequestScoped
public class CurrentVendor {
  private Vendor vendor;

  void set(Vendor current) {
    this.vendor = current;
  }

  public Vendor require() {
    if (vendor == null) {
      throw new IllegalStateException("No vendor was resolved for this request");
    }
    return vendor;
  }
}
