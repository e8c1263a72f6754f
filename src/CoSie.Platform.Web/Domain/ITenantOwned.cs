namespace CoSie.Platform.Web.Domain;

// Every row an institution owns carries its id; the DbContext filters and stamps by it.
public interface ITenantOwned
{
    Guid InstitutionId { get; set; }
}
