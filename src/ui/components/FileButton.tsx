/** A link-like button that opens the file picker and hands over the chosen file's bytes and name (then resets). */
export function FileButton({ label, accept, onFile }: { label: string; accept: string; onFile: (bytes: Uint8Array, name: string) => void }) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void file.arrayBuffer().then((bytes) => onFile(new Uint8Array(bytes), file.name));
        }}
      />
    </label>
  );
}
