// The platform's additions to Hangfire's dashboard, run at the end of its own scripts.
(function () {
    // The stylesheet Chart.js would inject is already among the dashboard's stylesheets, and the platform's
    // Content-Security-Policy refuses injected styles.
    if (window.Chart && window.Chart.platform) {
        window.Chart.platform.disableCSSInjection = true;
    }

    // The job lists' check boxes have no label: each row's is named by its job, the one that selects them all by the
    // list's heading, which Hangfire writes in the reader's language.
    var heading = document.getElementById('page-title');
    document.querySelectorAll('.js-jobs-list-select-all').forEach(function (box) {
        if (heading && !box.hasAttribute('aria-labelledby')) {
            box.setAttribute('aria-labelledby', 'page-title');
        }
    });
    document.querySelectorAll('.js-jobs-list-checkbox').forEach(function (box) {
        if (!box.hasAttribute('aria-label')) {
            box.setAttribute('aria-label', /^\d+$/.test(box.value) ? '#' + box.value : box.value);
        }
    });
})();
