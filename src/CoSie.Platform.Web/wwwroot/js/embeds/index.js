// Click-to-load embeds (Features/Courses/EmbedPlaceholders): each placeholder gets a button that puts the provider's
// frame in its place. Nothing loads from the provider before the reader presses it; the page's CSP frame-src admits
// only the allowed providers.
for (const placeholder of document.querySelectorAll('.embed[data-embed-src]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = placeholder.dataset.embedLoad;
    button.addEventListener('click', () => {
        const frame = document.createElement('iframe');
        frame.src = placeholder.dataset.embedSrc;
        frame.title = placeholder.dataset.embedTitle;
        frame.allow = 'fullscreen; picture-in-picture';
        frame.referrerPolicy = 'strict-origin-when-cross-origin';
        frame.className = 'embed-frame';
        button.replaceWith(frame);
        frame.focus();
    });
    placeholder.append(button);
}
