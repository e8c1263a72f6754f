namespace CoSie.Platform.Web.Domain;

// An institution's accessibility statement in the shape of the EU model statement (Commission Implementing Decision
// (EU) 2018/1523): how far its pages comply, what is not accessible, how the statement was prepared, whom to tell, and
// where to turn next. Not published until the institution has prepared it (PreparedOn set).
public sealed class AccessibilityStatement
{
    public AccessibilityCompliance Compliance { get; set; } = AccessibilityCompliance.Partial;
    public string? NonAccessibleContent { get; set; }
    public AccessibilityAssessment Assessment { get; set; } = AccessibilityAssessment.SelfAssessment;
    public DateOnly? PreparedOn { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string? ContactEmail { get; set; }
    public string? EnforcementBody { get; set; }
    public string? EnforcementUrl { get; set; }

    public bool IsPublished => PreparedOn is not null;
}

// Partial first: the value an institution that has not prepared its statement yet starts from.
public enum AccessibilityCompliance
{
    Partial = 0,
    Full = 1,
    None = 2,
}

public enum AccessibilityAssessment
{
    SelfAssessment = 0,
    ThirdParty = 1,
}

public static class AccessibilityLimits
{
    public const int NonAccessibleContent = 8000;
    public const int Email = 254;
    public const int EnforcementBody = 300;
    public const int Url = 500;
}
