namespace CoSie.Platform.Web.Domain;

// How closely a person hears of a thread: every reply (Following), replies to them and mentions of them (Normal), or
// nothing at all (Muted).
public enum ThreadFollowing
{
    Normal = 0,
    Following = 1,
    Muted = 2,
}
