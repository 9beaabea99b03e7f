package io.ztrade.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ztrade.broker.OrderSide;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a backtest's files into one folder: {@code report.json} (the report, curve included, for a console),
 * {@code equity.png} (equity against buy and hold of the same capital, trades marked), {@code drawdown.png} and
 * {@code trades.csv}.
 */
public final class ReportFiles {

    public static final String REPORT = "report.json";
    public static final String EQUITY_CHART = "equity.png";
    public static final String DRAWDOWN_CHART = "drawdown.png";
    public static final String TRADES = "trades.csv";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    public static void write(Path dir, BacktestReport report, List<PaperBroker.Fill> fills) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(REPORT).toFile(), report);
            Files.writeString(dir.resolve(TRADES), tradesCsv(fills), StandardCharsets.UTF_8);
            List<Date> t = report.curve().stream().map(p -> Date.from(p.t())).toList();
            if (t.isEmpty()) {
                return;
            }
            BitmapEncoder.saveBitmap(equityChart(report), dir.resolve(EQUITY_CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
            XYChart drawdown = chart(report.agentId() + " " + report.symbol() + ": drawdown", "% below peak");
            drawdown.addSeries("drawdown", t, report.curve().stream().map(p -> -100 * p.drawdown()).toList())
                    .setMarker(SeriesMarkers.NONE);
            drawdown.getSeriesMap().get("drawdown").setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            BitmapEncoder.saveBitmap(drawdown, dir.resolve(DRAWDOWN_CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backtest report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A report as {@link #write} left it (a backtest no longer in memory). */
    public static BacktestReport read(Path file) {
        try {
            return JSON.readValue(file.toFile(), BacktestReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backtest report " + file.getFileName(), e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String tradesCsv(List<PaperBroker.Fill> fills) {
        StringBuilder csv = new StringBuilder("time,client_order_id,side,qty,price,fill_price,value,fee,slippage\n");
        for (PaperBroker.Fill f : fills) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.4f,%.4f,%.2f,%.2f,%.2f%n", f.at(), f.clientOrderId(),
                    f.side().name().toLowerCase(Locale.ROOT), f.qty(), f.price(), f.fillPrice(), f.value(), f.fee(),
                    f.slippageCost()));
        }
        return csv.toString();
    }

    /** Equity against buy and hold of the same capital, each buy and sell marked where the equity stood after it. */
    static XYChart equityChart(BacktestReport report) {
        List<Date> t = report.curve().stream().map(p -> Date.from(p.t())).toList();
        XYChart equity = chart(report.agentId() + " " + report.symbol() + ": equity", "dollars");
        equity.addSeries("strategy", t, report.curve().stream().map(BacktestReport.CurvePoint::equity).toList())
                .setMarker(SeriesMarkers.NONE);
        equity.addSeries("buy and hold $" + Math.round(report.benchmarkCapital()), t,
                report.curve().stream().map(BacktestReport.CurvePoint::buyAndHold).toList()).setMarker(SeriesMarkers.NONE);
        marks(equity, report, OrderSide.BUY, "buys", SeriesMarkers.TRIANGLE_UP, new Color(0x2e7d32));
        marks(equity, report, OrderSide.SELL, "sells", SeriesMarkers.TRIANGLE_DOWN, new Color(0xc62828));
        return equity;
    }

    private static void marks(XYChart chart, BacktestReport report, OrderSide side, String name, Marker marker, Color color) {
        List<BacktestReport.TradeMark> marks = report.tradeMarks() == null ? List.of()
                : report.tradeMarks().stream().filter(m -> m.side() == side && m.equity() != null).toList();
        if (marks.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, marks.stream().map(m -> Date.from(m.t())).toList(),
                marks.stream().map(BacktestReport.TradeMark::equity).toList());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(1000).height(500).title(title).xAxisTitle("time (UTC)").yAxisTitle(yTitle).build();
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setLegendVisible(true);
        return chart;
    }
}
