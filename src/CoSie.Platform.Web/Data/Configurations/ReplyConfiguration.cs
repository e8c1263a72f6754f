using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ReplyConfiguration : IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Reply> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.BodySource).HasMaxLength(Reflection.MaxBodyLength);
        // Byte order, whatever the database's default collation: fixed-width digit segments then sort as a tree.
        builder.Property(r => r.HiddenReason).HasMaxLength(ModerationAction.MaxReasonLength);
        builder.Property(r => r.Path).HasMaxLength(4000).UseCollation("C");
        builder.HasIndex(r => new { r.ReflectionId, r.Path }).IsUnique();
        builder.HasIndex(r => new { r.ReflectionId, r.AuthorId, r.SubmissionKey }).IsUnique().HasFilter("submission_key IS NOT NULL");
        // Search reads an institution's replies newest first when its words are common (Features/Search/SearchSql).
        builder.HasIndex(r => new { r.InstitutionId, r.CreatedAt });
        builder.HasOne<Reflection>().WithMany().HasForeignKey(r => r.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Reply>().WithMany().HasForeignKey(r => r.ParentReplyId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
