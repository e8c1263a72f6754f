namespace CoSie.Platform.IntegrationTests.Security;

// Who the access matrix acts as. "A" is the institution whose things every URL points at.
public enum Actor
{
    Anonymous,
    LearnerA,
    InstructorA,
    AdminA,
    LearnerB,
    InstructorB,
    AdminB,
    OtherCohortLearnerA,
    PlatformAdmin,
}
