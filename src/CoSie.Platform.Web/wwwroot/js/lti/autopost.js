// Sends the deep linking answer to the LMS at once; without JavaScript the page's button does the same.
document.querySelector("form[data-autosubmit]")?.submit();
