namespace CoSie.Platform.Web.Domain;

public enum ModuleStatus
{
    Draft = 0,
    Published = 1,
}
