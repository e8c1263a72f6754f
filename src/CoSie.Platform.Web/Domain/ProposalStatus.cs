namespace CoSie.Platform.Web.Domain;

public enum ProposalStatus
{
    Pending = 0,
    Adopted = 1,
    Declined = 2,
}
