package org.rescuegrid.frontoffice;

/**
 * Outcome of a closed incident as the crews report it: the figures HQ adds up per month.
 *
 * @param peopleRescued people the service brought out of danger alive
 * @param firstAidOnScene of those, people treated on scene and left there
 * @param takenToHospital of those, people taken to a hospital
 * @param deathsOnScene people found dead or who died before leaving the scene
 */
public record IncidentOutcome(int peopleRescued, int firstAidOnScene, int takenToHospital, int deathsOnScene) {

    /** Largest count accepted for each figure, far above any single incident, to catch typing errors. */
    public static final int MAX_PEOPLE = 10_000;

    /**
     * @throws IllegalArgumentException naming the figure when one is negative or above {@link #MAX_PEOPLE}, or when
     *         first aid on scene and taken to hospital add up to more than the people rescued
     */
    public IncidentOutcome {
        check("peopleRescued", peopleRescued);
        check("firstAidOnScene", firstAidOnScene);
        check("takenToHospital", takenToHospital);
        check("deathsOnScene", deathsOnScene);
        // Someone rescued unhurt gets neither first aid nor a hospital, so the sum may be below the people rescued.
        if (firstAidOnScene + takenToHospital > peopleRescued) {
            throw new IllegalArgumentException("firstAidOnScene " + firstAidOnScene + " plus takenToHospital " + takenToHospital
                    + " is more than peopleRescued " + peopleRescued + "; both count people among those rescued");
        }
    }

    private static void check(String name, int value) {
        if (value < 0 || value > MAX_PEOPLE) {
            throw new IllegalArgumentException(name + " " + value + " is invalid; use a whole number from 0 to " + MAX_PEOPLE);
        }
    }
}
