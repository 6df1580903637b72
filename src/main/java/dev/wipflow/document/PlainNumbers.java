package dev.wipflow.document;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Cell numbers as plain decimals: POI's "General" format writes 4006381333931 as 4.00638E+12, and a price format
 * adds a currency sign in the server's locale. Dates keep their format.
 */
final class PlainNumbers extends DataFormatter {
    PlainNumbers() {
        super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        if (DateUtil.isADateFormat(formatIndex, formatString)) return super.formatRawCellContents(value, formatIndex, formatString);
        if (Double.isNaN(value) || Double.isInfinite(value)) return "";
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
