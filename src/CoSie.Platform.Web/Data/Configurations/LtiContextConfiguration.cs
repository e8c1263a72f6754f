using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiContextConfiguration : IEntityTypeConfiguration<LtiContext>
{
    public void Configure(EntityTypeBuilder<LtiContext> builder)
    {
        builder.Property(c => c.ContextId).HasMaxLength(255);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.MembershipsUrl).HasMaxLength(2000);
        builder.Property(c => c.LineItemsUrl).HasMaxLength(2000);
        builder.Property(c => c.LineItemUrl).HasMaxLength(2000);
        builder.Property(c => c.GradeScopes).HasColumnType("text[]");
        builder.Property(c => c.ResourceLinkId).HasMaxLength(255);
        builder.Property(c => c.RosterError).HasMaxLength(500);
        // One cohort per LMS course of a registration, also when its first two launches arrive together.
        builder.HasIndex(c => new { c.PlatformId, c.ContextId }).IsUnique();
        builder.HasOne<LtiPlatform>().WithMany().HasForeignKey(c => c.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
