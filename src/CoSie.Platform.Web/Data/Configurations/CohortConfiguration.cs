using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.InviteCode).HasMaxLength(32);
        // Invite links are resolved inside the institution whose address they carry.
        builder.HasIndex(c => new { c.InstitutionId, c.InviteCode }).IsUnique();
        builder.Property(c => c.DigestDay).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
