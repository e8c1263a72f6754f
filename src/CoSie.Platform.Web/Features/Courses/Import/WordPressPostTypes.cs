namespace CoSie.Platform.Web.Features.Courses.Import;

// What the post types of WordPress and its course plugins hold, for both readers of WordPress files.
internal static class WordPressPostTypes
{
    // Types that have a title and content but are not pages a course is made of: media, menus, theme parts.
    public static readonly IReadOnlySet<string> NotContent = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "attachment", "nav_menu_item", "wp_navigation", "wp_template", "wp_template_part", "wp_global_styles",
        "wp_font_family", "wp_font_face", "wp_block", "revision", "customize_changeset", "oembed_cache", "user_request",
    };

    // The lessons of course plugins: LearnDash lessons and topics, Sensei, LifterLMS and Tutor lessons. When a site
    // export holds them, they are the course; its pages and posts are the site around it.
    public static readonly IReadOnlySet<string> Lessons = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "sfwd-lessons", "sfwd-topic", "lesson", "tutor_lesson",
    };

    public const string Page = "page";

    public const string Post = "post";
}
