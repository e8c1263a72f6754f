using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.BodySource).HasMaxLength(Reflection.MaxBodyLength);
        builder.Property(r => r.HiddenReason).HasMaxLength(ModerationAction.MaxReasonLength);
        builder.Property(r => r.LockReason).HasMaxLength(ModerationAction.MaxReasonLength);
        // One standing reflection per member, prompt and cohort; a deleted one makes room for a new one.
        builder.HasIndex(r => new { r.CohortId, r.PromptId, r.AuthorId })
            .IsUnique()
            .HasFilter("status <> 'Deleted' AND author_id IS NOT NULL");
        builder.HasIndex(r => new { r.CohortId, r.PromptId, r.CreatedAt });
        // Search reads an institution's reflections newest first when its words are common (Features/Search/SearchSql).
        builder.HasIndex(r => new { r.InstitutionId, r.CreatedAt });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        // Removing a prompt would discard its discussions, so a prompt with reflections is never removed: the module editor
        // refuses, a re-import keeps it (Features/Courses/PromptRemoval).
        builder.HasOne<ReflectionPrompt>().WithMany().HasForeignKey(r => r.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
