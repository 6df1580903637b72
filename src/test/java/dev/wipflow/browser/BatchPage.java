package dev.wipflow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does on the batch page, in the page's own words (labels, buttons, texts). */
final class BatchPage {
    private final WebDriver driver;
    private final String base;

    BatchPage(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    BatchPage open(String collection) {
        driver.get(base + "/#" + collection);
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        return this;
    }

    void forgetBrowserState() {
        driver.get(base + "/api/health");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
    }

    void reload() {
        driver.navigate().refresh();
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void paste(String text) {
        WebElement area = driver.findElement(By.id("add-text"));
        area.clear();
        area.sendKeys(text);
    }

    List<String> previewProblems() {
        return driver.findElements(By.cssSelector("#add-rows tr.bad td:last-child")).stream().map(WebElement::getText).toList();
    }

    boolean canSend() {
        return driver.findElement(By.id("add-send")).isEnabled();
    }

    void send() {
        driver.findElement(By.id("add-send")).click();
        waitFor(d -> d.findElement(By.id("notice")).getText().startsWith("Added"));
    }

    void add(String text) {
        paste(text);
        waitFor(d -> canSend());
        send();
        waitFor(d -> !rows().isEmpty());
    }

    void startBatch(String driverName, int concurrency) {
        new Select(driver.findElement(By.id("driver"))).selectByValue(driverName);
        WebElement c = driver.findElement(By.id("concurrency"));
        if (c.isEnabled()) {
            c.clear();
            c.sendKeys(String.valueOf(concurrency));
        }
        click("start");
        waitFor(d -> !progressText().isEmpty());
    }

    void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the element the selector finds, again if it was redrawn between finding and clicking. */
    void clickCss(String css) {
        waitFor(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Clicks the element with this id; a panel redrawn meanwhile just means clicking its new element. */
    void click(String id) {
        waitFor(d -> {
            d.findElement(By.id(id)).click();
            return true;
        });
    }

    String progressText() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.id("progress-text")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 5) throw redrawn;
            }
        }
    }

    String waitForProgress(String startsWith, Duration timeout) {
        return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    String text = progressText();
                    return text.startsWith(startsWith) ? text : null;
                });
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#product-rows tr[data-sku]"));
    }

    /** The SKUs of the table's rows, read in one script: the table is redrawn while a batch runs. */
    @SuppressWarnings("unchecked")
    List<String> rowSkus() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#product-rows tr[data-sku]')).map(r => r.dataset.sku)");
    }

    String statusOf(String sku) {
        return driver.findElement(By.cssSelector("#product-rows tr[data-sku='" + sku + "']")).getDomAttribute("data-status");
    }

    /** The text of a product's Step column. */
    String stepOf(String sku) {
        return waitFor(d -> d.findElement(By.cssSelector("#product-rows tr[data-sku='" + sku + "'] td[data-col='step']")).getText());
    }

    void waitForStatus(String sku, String status, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> {
            try {
                return status.equals(statusOf(sku));
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** The text of one column of a product's row ({@code title}, {@code price}, {@code status} …). */
    String cell(String sku, String col) {
        return waitFor(d -> d.findElement(By.cssSelector("#product-rows tr[data-sku='" + sku + "'] td[data-col='" + col + "']")).getText());
    }

    /** Clicks a button that asks "are you sure?" and says yes. */
    void clickAndConfirm(String id) {
        click(id);
        waitFor(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException notYet) {
                return false;
            }
        });
    }

    /** The banner that offers to resume an unfinished batch, once it is shown. */
    WebElement resumeBanner() {
        return waitFor(d -> {
            WebElement b = d.findElement(By.id("resume-banner"));
            return b.isDisplayed() && !b.getText().isEmpty() ? b : null;
        });
    }

    void openProduct(String sku) {
        waitFor(d -> { // the list is redrawn on every refresh
            d.findElement(By.cssSelector("#product-rows tr[data-sku='" + sku + "'] button.sku")).click();
            return true;
        });
        waitFor(d -> d.findElement(By.id("detail")).isDisplayed()
                && d.findElement(By.cssSelector("#detail .sku")).getText().equals(sku));
    }

    WebElement detail() {
        return driver.findElement(By.id("detail"));
    }

    /** A field's shown value; the panel may be redrawn meanwhile, so it is read until it holds still. */
    String field(String name) {
        return waitFor(d -> d.findElement(By.cssSelector("#detail-fields tr[data-field='" + name + "'] td")).getText());
    }

    String attribute(By by, String name) {
        return waitFor(d -> {
            String value = d.findElement(by).getDomAttribute(name);
            return value == null ? "(absent)" : value;
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Path screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
