package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the HQ dashboard of the demo distribution, as a new user starts it, in real headless Chromium. It
 * logs in through Karaf JAAS, watches the replayed vehicles move on the map, switches to Urdu and opens the
 * report of the district where the demo plays its busy hour. It also checks that a user without an HQ role is
 * rejected, and that the compliance, driving-event, audit and reconciliation panels show what the API returns. It runs outside OSGi because the browser driver is a plain
 * Java library. The node is the unpacked distribution, started with bin/start once for the class with its
 * demo ports moved to free ones.
 */
public class HqDashboardBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The demo's fixed ports (console, JMX, HTTP, drivers, simulators, camera discovery), moved to free ones for the test. */
    private static final List<Integer> DEMO_PORTS = List.of(8122, 11122, 44122, 8123, 5010, 5023, 5027, 48401, 8131, 8132, 37020, 37021, 37022);
    private static final Pattern PORT_NUMBER = Pattern.compile("\\b(\\d{4,5})\\b");
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The demo starts its busy hour a minute after boot; its first calls then need an upload to reach HQ. */
    private static final Duration DEMO_CALLS_WAIT = Duration.ofMinutes(4);

    private static final String VIEWER = "viewer1";
    private static final String VIEWER_PASSWORD = "viewer-pass-7Qx2";
    private static final String CLERK = "clerk1";
    private static final String CLERK_PASSWORD = "clerk-pass-9Lm4";

    private static Path home;
    private static int httpPort;
    private static int sshPort;
    private static String dashboard;
    private static String adminPassword;
    private static ChromeDriver browser;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeClass
    public static void startNodeAndBrowser() throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                fail(program + " is missing; install the Debian packages chromium and chromium-driver (.ci/run does)");
            }
        }
        home = unpackDistribution();
        relocatePorts();
        run(home.resolve("bin/start"));
        adminPassword = waitForAdminPassword();
        waitForDashboard();
        // Karaf reads users.properties at every login, so users can be added to the running node.
        Files.writeString(home.resolve("etc/users.properties"),
                VIEWER + " = " + VIEWER_PASSWORD + ",_g_:hqviewers\n" + CLERK + " = " + CLERK_PASSWORD + ",viewer\n",
                StandardOpenOption.APPEND);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The background-networking flags keep Chromium from calling out of this closed machine.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(home.getParent(), "chromium-profile"), "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build(), options);
    }

    @AfterClass
    public static void stopBrowserAndNode() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (home != null) {
            run(home.resolve("bin/stop"));
        }
    }

    @Before
    public void startLoggedOut() {
        browser.manage().deleteAllCookies();
        browser.get(dashboard);
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        waitUntil("the login form", () -> browser.findElement(By.id("login-view")).isDisplayed());
    }

    @Test
    public void viewerSeesVehiclesMove() {
        logIn(VIEWER, VIEWER_PASSWORD);

        waitUntil("vehicles in the table", () -> (Long) browser.executeScript("return document.querySelectorAll('#vehicles tbody tr').length") > 1);
        Long markers = (Long) browser.executeScript("return document.querySelectorAll('path.rg-vehicle').length");
        Long tableRows = (Long) browser.executeScript("return document.querySelectorAll('#vehicles tbody tr').length");
        assertEquals("each vehicle is a marker on the map", tableRows, markers);
        String before = positions();

        // The demo replays recorded drives and the page polls every 5 s, so some vehicle's position changes.
        // A few of the recorded receivers stood still, which is why any vehicle may be the one that moves.
        waitUntil("a vehicle to move from " + before, () -> !positions().equals(before) && !positions().isEmpty());
        assertNotEquals(before, positions());

        waitUntil("the district PB-LHR in the health table", () -> !browser.findElements(By.cssSelector("tr[data-district='PB-LHR']")).isEmpty());
        String state = (String) browser.executeScript("return document.querySelector(\"tr[data-district='PB-LHR'] td:nth-child(2)\").textContent");
        assertEquals("Live", state);
    }

    @Test
    public void urduIsRightToLeftAndKept() {
        logIn(VIEWER, VIEWER_PASSWORD);
        waitUntil("the dashboard", () -> browser.findElement(By.id("dashboard-view")).isDisplayed());

        new Select(browser.findElement(By.id("language"))).selectByValue("ur");
        waitUntil("the page to turn right to left", () -> "rtl".equals(browser.findElement(By.tagName("html")).getAttribute("dir")));
        assertEquals("ur", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("اضلاع", browser.findElement(By.cssSelector(".districts-panel h2")).getText());

        browser.navigate().refresh();
        waitUntil("the dashboard after reload", () -> browser.findElement(By.id("dashboard-view")).isDisplayed());
        waitUntil("Urdu to be restored for " + VIEWER, () -> "rtl".equals(browser.findElement(By.tagName("html")).getAttribute("dir")));
        assertEquals("گاڑیاں", browser.findElement(By.cssSelector(".vehicles-panel h2")).getText());
    }

    @Test
    public void wrongPasswordAndMissingRoleRejected() throws Exception {
        typeLogin(VIEWER, "not-the-password");
        waitUntil("the error message", () -> !browser.findElement(By.id("login-error")).getText().isEmpty());
        assertEquals("Wrong user name or password.", browser.findElement(By.id("login-error")).getText());

        typeLogin(CLERK, CLERK_PASSWORD);
        waitUntil("the role message", () -> browser.findElement(By.id("login-error")).getText().startsWith("This user"));
        assertTrue(browser.findElement(By.id("login-view")).isDisplayed());

        assertEquals(401, api("vehicles", null).statusCode());
        assertEquals(401, api("vehicles", VIEWER + ":wrong").statusCode());
        assertEquals(403, api("vehicles", CLERK + ":" + CLERK_PASSWORD).statusCode());
        HttpResponse<String> admin = api("districts", "admin:" + adminPassword);
        assertEquals(admin.body(), 200, admin.statusCode());
        assertTrue(admin.body(), admin.body().contains("\"district\":\"PB-LHR\""));
    }

    @Test
    public void districtReportMatchesApi() throws Exception {
        logIn(VIEWER, VIEWER_PASSWORD);
        String month = YearMonth.now(ZoneId.of("Asia/Karachi")).toString();
        String link = "tr[data-area='PB-LHR/Faisalabad'] a.report-link";
        new WebDriverWait(browser, DEMO_CALLS_WAIT).withMessage("waiting for the demo's Faisalabad calls on the dashboard")
                .until(driver -> !driver.findElements(By.cssSelector(link)).isEmpty());

        // The busy hour may still be playing, so the page's count must lie between the API's counts read before
        // and after it: calls received never decrease.
        String cell = "#report-table tr[data-figure='callsReceived'] td[data-area='Faisalabad']";
        String query = "reports?province=PB-LHR&district=Faisalabad&month=" + month;
        long before = callsReceived(query);
        // One script finds and clicks the link, because the page rebuilds the KPI table every 5 s.
        browser.executeScript("document.querySelector(arguments[0]).click()", link);
        waitUntil("the Faisalabad report", () -> !browser.findElements(By.cssSelector(cell)).isEmpty());
        long onPage = Long.parseLong(browser.findElement(By.cssSelector(cell)).getText());
        long after = callsReceived(query);

        assertTrue("calls received " + onPage, onPage > 0);
        assertTrue(before + " <= " + onPage, before <= onPage);
        assertTrue(onPage + " <= " + after, onPage <= after);
        assertEquals("Report of Faisalabad, " + month, browser.findElement(By.id("report-title")).getText());
        String csv = browser.findElement(By.id("report-csv")).getAttribute("href");
        assertTrue(csv, csv.endsWith("/hq/api/v1/reports?province=PB-LHR&month=" + month + "&district=Faisalabad&format=csv"));
        HttpResponse<String> download = api("reports?province=PB-LHR&district=Faisalabad&month=" + month + "&format=csv", "admin:" + adminPassword);
        assertTrue(download.body(), download.body().startsWith("province,district,from,to,figure,category,value\r\n"));
    }

    @Test
    public void backOfficePanelsMatchApi() throws Exception {
        // A change of an org.rescuegrid configuration is an audit record, and a comparison of today's records
        // is a reconciliation; the uplink sends both to HQ. Compliance results come as the demo's incidents close.
        console("config:property-set -p org.rescuegrid.itest.audit note browser-test");
        console("rescue:uplink-reconcile");
        logIn(VIEWER, VIEWER_PASSWORD);

        String compliance = "d => [d.district, d.incidents, d.score.scorePercent === null ? '-' : d.score.scorePercent + '%',"
                + " d.score.met, d.score.late, d.score.missed]";
        assertPanelMatches("compliance", "compliance", "districts", compliance, List.of(0, 1, 2, 3, 4, 5), true);
        String driving = "d => [d.district, d.events, Object.keys(d.byKind).sort().map(k => k + ' ' + d.byKind[k]).join(', ')]";
        // NOTE: the demo's recorded drives may contain no driving event, so an empty panel and API also match.
        assertPanelMatches("driver-events", "driver-events", "districts", driving, List.of(0, 1, 2), false);
        String audit = "d => [d.district, d.records, d.intact ? 'intact, ' + d.verified + ' records verified' : 'broken at record ' + d.firstBroken]";
        assertPanelMatches("audit-chains", "audit/verify", "districts", audit, List.of(0, 1, 2), true);
        String reconciliation = "r => [r.district, r.day, r.recordType, r.districtCount, r.hqCount]";
        assertPanelMatches("reconciliation", "reconciliation", "reconciliations", reconciliation, List.of(0, 1, 2, 3, 4), true);
    }

    /**
     * Waits until a panel's table shows, in the given columns, the rows the API returns, both read in one
     * script in the page with the page's own session, because the demo keeps changing the figures.
     *
     * @param toCells JavaScript function that turns one API item into the expected cell texts
     */
    private static void assertPanelMatches(String table, String resource, String field, String toCells, List<Integer> columns,
            boolean nonEmpty) {
        String script = "var done = arguments[arguments.length - 1];"
                + "fetch('../api/v1/" + resource + "', {credentials: 'same-origin', cache: 'no-cache'}).then(r => r.json()).then(body => {"
                + "  var expected = body." + field + ".map(" + toCells + ").map(cells => cells.join(' | '));"
                + "  var shown = Array.from(document.querySelectorAll('#" + table + " tbody tr')).map(row => "
                + "    [" + columns.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow()
                + "].map(i => row.children[i].textContent).join(' | '));"
                + "  done(JSON.stringify({expected: expected, shown: shown}));"
                + "}).catch(e => done(JSON.stringify({error: String(e)})));";
        String[] last = {""};
        new WebDriverWait(browser, DEMO_CALLS_WAIT).withMessage(() -> "waiting for the " + table + " panel to show /" + resource + ": " + last[0])
                .until(driver -> {
                    last[0] = (String) browser.executeAsyncScript(script);
                    Matcher lists = Pattern.compile("\\{\"expected\":(\\[.*\\]),\"shown\":(\\[.*\\])\\}").matcher(last[0]);
                    return lists.matches() && lists.group(1).equals(lists.group(2)) && (!nonEmpty || !"[]".equals(lists.group(1)));
                });
    }

    /** Runs a console command on the node as admin, through bin/client in batch mode. */
    private static void console(String command) throws Exception {
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u", "admin", "-p",
                adminPassword, "-b").redirectErrorStream(true).start();
        client.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(command + " did not finish: " + output, client.waitFor(2, TimeUnit.MINUTES));
        assertEquals(command + ": " + output, 0, client.exitValue());
    }

    private static long callsReceived(String query) throws Exception {
        HttpResponse<String> report = api(query, "admin:" + adminPassword);
        assertEquals(report.body(), 200, report.statusCode());
        Matcher calls = Pattern.compile("\"callsReceived\":(\\d+)").matcher(report.body());
        assertTrue(report.body(), calls.find());
        return Long.parseLong(calls.group(1));
    }

    private static void logIn(String user, String password) {
        typeLogin(user, password);
        waitUntil("the dashboard for " + user, () -> browser.findElement(By.id("dashboard-view")).isDisplayed());
    }

    private static void typeLogin(String user, String password) {
        WebElement name = browser.findElement(By.id("user"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    /** Returns every vehicle with its position as the table shows them, read in one script because the page rebuilds the table every 5 s. */
    private static String positions() {
        return (String) browser.executeScript("return Array.from(document.querySelectorAll('#vehicles tbody tr'))"
                + ".map(row => row.getAttribute('data-vehicle') + '@' + row.querySelector('td.position').textContent).join(' ')");
    }

    private static HttpResponse<String> api(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/hq/api/v1/" + path))
                .timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage("waiting for " + what).until(driver -> condition.getAsBoolean());
    }

    private static Path unpackDistribution() throws Exception {
        Path archive = Path.of(System.getProperty("rescuegrid.distribution"));
        Path target = Path.of(System.getProperty("rescuegrid.examDir")).resolveSibling("dashboard-it");
        if (Files.exists(target)) {
            run(Path.of("rm"), "-rf", target.toString());
        }
        Files.createDirectories(target);
        run(Path.of("tar"), "xzf", archive.toString(), "-C", target.toString());
        try (var entries = Files.list(target)) {
            return entries.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("empty archive " + archive));
        }
    }

    /**
     * Moves every demo port in etc/*.cfg and etc/*.config to a free one, the same number everywhere it appears, so that the
     * simulators still reach their drivers and the uplink its HQ while another node may hold the defaults.
     */
    private static void relocatePorts() throws IOException {
        Map<Integer, Integer> moved = new HashMap<>();
        for (int port : DEMO_PORTS) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                moved.put(port, socket.getLocalPort());
            }
        }
        httpPort = moved.get(8123);
        sshPort = moved.get(8122);
        dashboard = "http://127.0.0.1:" + httpPort + "/hq/dashboard/";
        try (var files = Files.list(home.resolve("etc"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".cfg") || f.toString().endsWith(".config")).toList()) {
                String text = Files.readString(file);
                String relocated = PORT_NUMBER.matcher(text).replaceAll(match -> {
                    Integer to = moved.get(Integer.parseInt(match.group(1)));
                    return to == null ? match.group() : String.valueOf(to);
                });
                Files.writeString(file, relocated);
            }
        }
    }

    private static String waitForAdminPassword() throws Exception {
        Path file = home.resolve("etc/admin.password");
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                return Files.readString(file).strip();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("bin/start wrote no " + file + " within " + BOOT_TIMEOUT);
    }

    private static void waitForDashboard() throws Exception {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the dashboard did not answer at " + dashboard + " within " + BOOT_TIMEOUT + "; see " + home.resolve("data/log/karaf.log"));
    }

    private static void run(Path program, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed");
        }
    }
}
