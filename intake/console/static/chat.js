// Web chat: posts the citizen's text to the console, shows the assistant's replies.
// Everything is inserted with textContent: what anyone typed is never parsed as HTML.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("chat-config").textContent);
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var send = document.getElementById("send");

  function add(kind, text, buttons, isError) {
    var item = document.createElement("li");
    item.className = kind + (isError ? " error" : "");
    item.textContent = text;
    if (buttons && buttons.length) {
      var row = document.createElement("div");
      row.className = "buttons";
      buttons.forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", b.onClick ? function () { b.onClick(row); }
          : function () { post(b.payload, b.title); });
        row.appendChild(button);
      });
      item.appendChild(row);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function post(text, shown) {
    add("user", shown || text);
    send.disabled = true;
    fetch("/chat/api/messages", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": config.csrf },
      body: JSON.stringify({ text: text })
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      (result.data.replies || []).forEach(function (r) { add("bot", r.text, r.buttons, !result.ok); });
    }).catch(function () {
      add("bot", "Không kết nối được tới máy chủ. Bạn vui lòng thử lại sau.", [], true);
    }).finally(function () { send.disabled = false; input.focus(); });
  }

  // The greeting, on load: what the assistant does, as three quick replies, so a
  // citizen on a phone does not face a blank page and a text box.
  var greeting = document.getElementById("chat-greeting");
  if (greeting) {
    var hello = JSON.parse(greeting.textContent);
    add("bot greeting", hello.text, hello.buttons);
  }

  // A complaint of this conversation was resolved: how satisfied is the citizen (1–5)?
  function rate(code, score, row) {
    Array.prototype.forEach.call(row.querySelectorAll("button"), function (b) { b.disabled = true; });
    add("user", String(score) + "/5");
    fetch("/chat/api/satisfaction", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": config.csrf },
      body: JSON.stringify({ code: code, score: score })
    }).then(function (response) {
      return response.json().then(function (data) {
        add("bot satisfaction-done", data.text, [], !response.ok);
        if (response.ok) { offerComment(code); }
      });
    }).catch(function () {
      add("bot", "Không kết nối được tới máy chủ. Bạn vui lòng thử lại sau.", [], true);
    });
  }
  // An optional comment after the score: a small box inside the conversation.
  function offerComment(code) {
    var item = document.createElement("li");
    item.className = "bot satisfaction-comment";
    item.textContent = "Bạn có muốn góp ý thêm về kết quả giải quyết không? (không bắt buộc)";
    var box = document.createElement("textarea");
    box.rows = 2;
    box.maxLength = 2000;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Gửi góp ý";
    button.addEventListener("click", function () {
      if (!box.value.trim()) { return; }
      button.disabled = true;
      fetch("/chat/api/satisfaction", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": config.csrf },
        body: JSON.stringify({ code: code, comment: box.value })
      }).then(function (response) {
        return response.json().then(function (data) {
          add("bot satisfaction-commented", data.text, [], !response.ok);
        });
      }).catch(function () {
        add("bot", "Không kết nối được tới máy chủ. Bạn vui lòng thử lại sau.", [], true);
      });
    });
    var row = document.createElement("div");
    row.className = "buttons";
    row.appendChild(box);
    row.appendChild(button);
    item.appendChild(row);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  fetch("/chat/api/satisfaction", { credentials: "same-origin" }).then(function (response) {
    return response.ok ? response.json() : { questions: [] };
  }).then(function (data) {
    (data.questions || []).forEach(function (q) {
      add("bot satisfaction", q.text, q.scores.map(function (score) {
        return { title: String(score), onClick: function (row) { rate(q.code, score, row); } };
      }));
    });
  }).catch(function () { /* no question: nothing to show */ });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { return; }
    input.value = "";
    post(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
})();
