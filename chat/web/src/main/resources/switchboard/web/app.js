// Switchboard web chat: login, rooms, and the reply model rendered as DOM.
// Chat text is only ever put into the page with textContent, never as markup.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_FRAME_CHARS = 60000;     // the server refuses frames over 64 KB
  const MAX_SHOWN_PER_ROOM = 500;
  const chat = {
    user: null,
    socket: null,
    retries: 0,
    current: "#general",
    rooms: new Map(),                // room -> { messages: Map(id -> <li>), unread }
    typed: [],                       // lines sent, for Up/Down recall
    recall: 0,
  };

  // ---- login -------------------------------------------------------------------------------------------
  async function boot() {
    let response;
    try {
      response = await fetch("/session", { credentials: "same-origin" });
    } catch (e) {
      setTimeout(boot, 3000);
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      startChat(body.user);
    } else {
      showLogin(body.passwordRequired !== false);
    }
  }

  function showLogin(passwordRequired) {
    $("chat").hidden = true;
    $("login").hidden = false;
    $("password-label").hidden = !passwordRequired;
    $("login-form").elements.user.focus();
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    const form = new URLSearchParams(new FormData(event.target));
    try {
      const response = await fetch("/login", { method: "POST", body: form, credentials: "same-origin" });
      if (response.ok) {
        event.target.reset();
        boot();
      } else if (response.status === 401) {
        $("login-error").textContent = "Unknown user or wrong password.";
      } else {
        $("login-error").textContent = "Logging in is not possible right now (HTTP " + response.status + ").";
      }
    } catch (e) {
      $("login-error").textContent = "The server cannot be reached.";
    }
  });

  $("logout").addEventListener("click", async () => {
    await fetch("/logout", { method: "POST", credentials: "same-origin" }).catch(() => null);
    if (chat.socket) chat.socket.close(1000, "logged out");
    location.reload();
  });

  // ---- connection --------------------------------------------------------------------------------------
  function startChat(user) {
    chat.user = user;
    $("me").textContent = user;
    $("login").hidden = true;
    $("chat").hidden = false;
    connect();
    $("say-input").focus();
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + "/chat/ws");
    chat.socket = socket;
    setState("connecting…", "");
    socket.onopen = () => {
      chat.retries = 0;
      setState("connected", "connected");
      for (const room of chat.rooms.keys()) send({ type: "join", room });
    };
    socket.onmessage = (event) => handle(JSON.parse(event.data));
    socket.onclose = async (event) => {
      if (chat.socket !== socket) return;
      chat.socket = null;
      if (event.code === 1009) showError("That message was too large for the server (64 KB at most).");
      const session = await fetch("/session", { credentials: "same-origin" }).catch(() => null);
      if (session && session.status === 401) {
        showLogin(true);
        return;
      }
      // capped exponential backoff with jitter, so a restarted server is not stampeded
      const delay = Math.min(30000, 1000 * 2 ** chat.retries) * (0.5 + Math.random() / 2);
      chat.retries++;
      setState("offline, retrying in " + Math.round(delay / 1000) + " s", "offline");
      setTimeout(connect, delay);
    };
  }

  function send(frame) {
    if (!chat.socket || chat.socket.readyState !== WebSocket.OPEN) {
      showError("Not connected; nothing was sent. Reconnecting…");
      return false;
    }
    chat.socket.send(JSON.stringify(frame));
    return true;
  }

  function setState(text, kind) {
    $("state").textContent = text;
    $("state").className = "state " + kind;
  }

  function showError(text) {
    $("chat-error").textContent = text;
  }

  // ---- frames from the server --------------------------------------------------------------------------
  function handle(frame) {
    switch (frame.type) {
      case "welcome":
        frame.rooms.forEach(room);
        showRooms();
        show(chat.current);
        break;
      case "history": {
        const r = room(frame.room);
        r.messages = new Map();
        frame.messages.forEach((m) => add(frame.room, m));
        if (frame.room === chat.current) show(chat.current);
        break;
      }
      case "message":
        add(frame.room, frame);
        if (frame.room !== chat.current) {
          room(frame.room).unread = true;
          showRooms();
        }
        break;
      case "edit": {
        const li = room(frame.room).messages.get(frame.id);
        if (li) fill(li, frame.room, li.dataset.from, frame.reply, li.dataset.at);
        break;
      }
      case "error":
        showError(frame.message);
        break;
    }
  }

  function room(name) {
    if (!chat.rooms.has(name)) {
      chat.rooms.set(name, { messages: new Map(), unread: false });
      showRooms();
    }
    return chat.rooms.get(name);
  }

  function add(roomName, message) {
    const r = room(roomName);
    const li = document.createElement("li");
    fill(li, roomName, message.from, message.reply, message.at);
    r.messages.set(message.id, li);
    if (r.messages.size > MAX_SHOWN_PER_ROOM) {
      const oldest = r.messages.keys().next().value;
      r.messages.get(oldest).remove();
      r.messages.delete(oldest);
    }
    if (roomName === chat.current) {
      const list = $("messages");
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      list.appendChild(li);
      if (atBottom) list.scrollTop = list.scrollHeight;
    }
  }

  // ---- rendering the reply model -----------------------------------------------------------------------
  function fill(li, roomName, from, reply, at) {
    li.replaceChildren();
    li.dataset.from = from;
    li.dataset.at = at || "";
    li.hidden = !reply.blocks.length;
    const who = el("span", "from" + (from === "switchboard" ? " bot" : ""), from);
    const when = el("span", "at", at ? new Date(at).toLocaleTimeString() : "");
    li.append(who, when);
    for (const block of reply.blocks) li.appendChild(render(block, roomName));
  }

  function render(block, roomName) {
    switch (block.type) {
      case "text":
        return el("div", "text", block.text);
      case "code":
        return el("pre", "", block.text);
      case "fields": {
        const dl = el("dl", "", null);
        for (const f of block.fields) dl.append(el("dt", "", f.label), el("dd", "", f.value));
        return dl;
      }
      case "table": {
        const table = el("table", "", null);
        const head = table.createTHead().insertRow();
        for (const h of block.headers) head.appendChild(el("th", "", h));
        const body = table.createTBody();
        for (const row of block.rows) {
          const tr = body.insertRow();
          for (const cell of row) tr.appendChild(el("td", "", cell));
        }
        return table;
      }
      case "buttons": {
        const div = el("div", "buttons", null);
        for (const b of block.buttons) {
          const button = el("button", b.style || "default", b.label);
          button.type = "button";
          button.title = b.command;
          button.addEventListener("click", () => send({ type: "click", room: roomName, command: b.command }));
          div.appendChild(button);
        }
        return div;
      }
      case "file":
        return file(block);
      default:
        return el("div", "text", "(this message part cannot be shown here)");
    }
  }

  // A document: its name as a download link (a Blob URL made on click) and its text as a preview.
  function file(block) {
    const div = el("div", "file", null);
    const link = el("a", "download", "\u2B07 " + block.name);
    link.href = "#";
    link.download = block.name;
    link.addEventListener("click", () => {
      const url = URL.createObjectURL(new Blob([block.text], { type: block.mediaType || "text/plain" }));
      link.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });
    div.append(link, el("pre", "preview", block.text));
    return div;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== null && text !== undefined) node.textContent = text;
    return node;
  }

  // ---- rooms and input ---------------------------------------------------------------------------------
  function showRooms() {
    const list = $("room-list");
    list.replaceChildren();
    for (const [name, r] of chat.rooms) {
      const label = name.startsWith("dm:") ? "switchboard (direct)" : name;
      const li = el("li", (name === chat.current ? "active" : "") + (r.unread ? " unread" : ""), label);
      li.addEventListener("click", () => show(name));
      list.appendChild(li);
    }
  }

  function show(name) {
    chat.current = name;
    const r = room(name);
    r.unread = false;
    $("room-name").textContent = name.startsWith("dm:") ? "switchboard (direct)" : name;
    $("messages").replaceChildren(...r.messages.values());
    $("messages").scrollTop = $("messages").scrollHeight;
    showRooms();
  }

  function join(text) {
    let name = text.trim().toLowerCase();
    if (!name) return;
    if (!name.startsWith("#")) name = "#" + name;
    room(name);
    send({ type: "join", room: name });
    show(name);
  }

  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    join($("join-input").value);
    $("join-input").value = "";
  });

  $("say-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("say-input");
    const text = input.value.trim();
    if (!text) return;
    showError("");
    if (text.startsWith("/join ")) {
      join(text.slice(6));
    } else if (text.length > MAX_FRAME_CHARS) {
      showError("That message is too long (" + text.length + " characters; at most " + MAX_FRAME_CHARS + ").");
      return;
    } else if (!send({ type: "say", room: chat.current, text })) {
      return;
    }
    chat.typed.push(text);
    if (chat.typed.length > 100) chat.typed.shift();
    chat.recall = chat.typed.length;
    input.value = "";
  });

  $("say-input").addEventListener("keydown", (event) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    if (!chat.typed.length) return;
    event.preventDefault();
    const step = event.key === "ArrowUp" ? -1 : 1;
    chat.recall = Math.max(0, Math.min(chat.typed.length, chat.recall + step));
    event.target.value = chat.recall < chat.typed.length ? chat.typed[chat.recall] : "";
  });

  boot();
})();
