using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.Property(f => f.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Note).HasMaxLength(Flag.MaxNoteLength);
        // Once per member and post; a second flag finds the first.
        builder.HasIndex(f => new { f.PostId, f.FlaggerId }).IsUnique();
        builder.HasIndex(f => new { f.CohortId, f.ResolvedAt });
        builder.HasOne<Reflection>().WithMany().HasForeignKey(f => f.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(f => f.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(f => f.FlaggerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(f => f.ResolvedById).OnDelete(DeleteBehavior.SetNull);
    }
}
