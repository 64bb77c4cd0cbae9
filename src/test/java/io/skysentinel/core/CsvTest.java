package io.skysentinel.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsSplitAtEveryComma() {
        assertThat(Csv.split("LSZH,ZRH,Zurich,47.458")).containsExactly("LSZH", "ZRH", "Zurich", "47.458");
    }

    @Test
    void aQuotedCellKeepsItsCommas() {
        assertThat(Csv.split("1,\"Washington, D.C.\",x")).containsExactly("1", "Washington, D.C.", "x");
    }

    @Test
    void aDoubledQuoteInsideAQuotedCellIsOneQuote() {
        assertThat(Csv.split("\"say \"\"hi\"\"\",\"\"\"\"")).containsExactly("say \"hi\"", "\"");
    }

    @Test
    void emptyCellsAreKeptAtTheStartInTheMiddleAndAtTheEnd() {
        assertThat(Csv.split(",a,,b,")).containsExactly("", "a", "", "b", "");
        assertThat(Csv.split("\"\",x")).containsExactly("", "x");
        assertThat(Csv.split("")).containsExactly("");
    }

    @Test
    void spacesAreNotTrimmed() {
        assertThat(Csv.split(" a , b ")).containsExactly(" a ", " b ");
    }
}
