package io.plexica.workspaces.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileSignatureTest {
  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aFileFitsTheTypeItsFirstBytesShow() {
    assertThat(FileSignature.fits("application/pdf", ascii("%PDF-1.7\n%"))).isTrue();
    assertThat(
            FileSignature.fits(
                "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
        .isTrue();
    assertThat(FileSignature.fits("image/webp", ascii("RIFF\0\0\0\0WEBPVP8 "))).isTrue();
    assertThat(
            FileSignature.fits(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                new byte[] {'P', 'K', 3, 4, 20, 0}))
        .isTrue();
    assertThat(FileSignature.fits("text/csv", ascii("a,b\n1,2\n"))).isTrue();
  }

  @Test
  void aMislabelledFileDoesNot() {
    assertThat(FileSignature.fits("application/pdf", ascii("{\"not\":\"a pdf\"}"))).isFalse();
    assertThat(FileSignature.fits("image/png", ascii("GIF89a......"))).isFalse();
    assertThat(FileSignature.fits("image/webp", ascii("RIFF\0\0\0\0WAVEfmt "))).isFalse();
    assertThat(FileSignature.fits("application/zip", ascii("%PDF-1.7"))).isFalse();
    assertThat(FileSignature.fits("text/plain", new byte[] {'a', 0, 'b'})).isFalse();
  }

  @Test
  void anEmptyFileOrATypeWithoutASignaturePasses() {
    assertThat(FileSignature.fits("application/pdf", new byte[0])).isTrue();
    assertThat(FileSignature.fits("application/x-unknown", ascii("anything"))).isTrue();
  }
}
