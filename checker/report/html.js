// The filter: a status shows or hides its cards; "#show=conflict,agree" in the address sets
// the boxes, so a filtered view can be linked. Printing opens every explanation.
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    document.querySelectorAll(".card[data-status]").forEach(function (el) {
      el.hidden = !on[el.getAttribute("data-status")];
    });
    document.querySelectorAll("[data-group]").forEach(function (group) {
      group.hidden = !group.querySelector(".card[data-status]:not([hidden])");
    });
  }
  var wanted = /show=([a-z,]+)/.exec(location.hash);
  if (wanted) {
    var names = wanted[1].split(",");
    boxes.forEach(function (b) { b.checked = names.indexOf(b.value) >= 0; });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  apply();
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
