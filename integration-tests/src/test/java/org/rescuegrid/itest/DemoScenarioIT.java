package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.time.Instant;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Kpi;

/** Lets the node play the demo's busy hour by itself, as the demo feature configures it, at 3600 times real time. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoScenarioIT extends RescueGridTestSupport {

    @Inject
    @Filter(timeout = 120_000)
    private FrontOfficeService frontOffice;

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.cfg", "simulatedTimeAllowed", "true"),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.cfg", "defaultDistrict", "Faisalabad"),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.demo.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.demo.cfg", "speedup", "3600"),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.demo.cfg", "startDelaySeconds", "1"));
    }

    @Test
    public void demoPlaysBusyHour() {
        Instant from = Instant.now().minusSeconds(3 * 3600);
        Instant to = Instant.now().plusSeconds(3600);
        waitFor("the demo's six incidents to be reached and closed", () -> frontOffice.kpi(from, to, "Faisalabad", null).responded() == 6
                && frontOffice.openIncidents().isEmpty());

        Kpi kpi = frontOffice.kpi(from, to, "Faisalabad", null);
        assertEquals(5, kpi.withinTarget());
        assertEquals(101L, kpi.callsByDisposition().values().stream().mapToLong(Long::longValue).sum());
        String console = executeCommand("rescue:kpi --district Faisalabad --from " + from + " --to " + to);
        assertTrue(console, console.contains("Reached within 7:00: 5 of 6"));
    }
}
