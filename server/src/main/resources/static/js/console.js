// Progressive enhancement: a file chosen for a payload fills its text area. Without
// scripts the file picker stays hidden and the payload is pasted.
document.querySelectorAll("input[type=file][data-fills]").forEach((input) => {
	const target = document.getElementById(input.dataset.fills);
	input.closest("[hidden]")?.removeAttribute("hidden");
	input.addEventListener("change", () => {
		const file = input.files[0];
		if (file) {
			file.text().then((text) => { target.value = text; });
		}
	});
});
