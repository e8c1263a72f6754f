namespace CoSie.Platform.Web.Domain;

// Whose a Yjs client id is: the first update that carries an id binds it to that person, an update from anyone else
// that carries it is refused. Attribution per paragraph counts characters per client id and names the people.
public sealed class SynthesisClient : ITenantOwned
{
    public Guid InstitutionId { get; set; }
    public Guid SynthesisId { get; set; }
    public long ClientId { get; set; }
    public Guid? UserId { get; set; }
}
